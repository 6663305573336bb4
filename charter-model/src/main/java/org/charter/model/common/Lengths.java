package org.charter.model.common;

/** Column lengths, shared by the schema's {@code @Column} and the forms' {@code @Size}. */
public final class Lengths {

    public static final int NAME = 120;
    public static final int SHORT_NAME = 80;
    public static final int SLUG = 40;
    public static final int USERNAME = 64;
    public static final int CODE = 20;
    public static final int EMPLOYEE_NUMBER = 32;
    public static final int EMAIL = 254;
    public static final int ADDRESS_LINE = 160;
    public static final int POSTAL_CODE = 20;
    public static final int CITY = 80;
    public static final int TIME_ZONE = 64;
    public static final int LOCALE = 8;
    public static final int LOCALES = 64;
    public static final int CHANNEL_VALUE = 254;
    public static final int HOURS = 200;
    public static final int DETAIL = 1000;

    private Lengths() {}
}
