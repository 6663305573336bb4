package org.charter.web.publication;

/** The look of the pages customers read without signing in: the charter and the feedback form and status. */
public final class PublicStyle {

    public static final String CSS =
            "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;"
                    + "color:#1f2937;background:#fff;line-height:1.5}header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;"
                    + "justify-content:space-between;align-items:center;padding:.75rem 1rem;background:#0f766e;color:#fff}"
                    + ".franchise{font-weight:700}.languages{display:flex;flex-wrap:wrap;gap:.2rem .8rem}.languages a{color:#fff;text-decoration:none}"
                    + ".languages a[aria-current]{text-decoration:underline;font-weight:700}main{max-width:48rem;margin:0 auto;"
                    + "padding:1rem}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #e5e7eb}"
                    + ".meta{color:#6b7280}.notice{background:#fef3c7;padding:.6rem .8rem;border-radius:6px}"
                    + ".store table{border-collapse:collapse;width:100%}.store td,.store th{text-align:left;padding:.3rem .5rem;"
                    + "border-bottom:1px solid #e5e7eb}.standards li{margin:.3rem 0}footer{max-width:48rem;margin:0 auto;"
                    + "padding:1rem;color:#6b7280;font-size:.75rem;word-break:break-all}a{color:#115e59}"
                    + "@media print{header{background:none;color:#000}.languages{display:none}}";

    private PublicStyle() {}
}
