package org.charter.service.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The relying party's side of OpenID Connect's authorization code flow with PKCE (RFC 7636, S256): the
 * provider's metadata from its discovery document, the address the browser is sent to, and the exchange of the
 * code for an ID token whose signature (the provider's published keys), issuer, audience, lifetime and nonce are
 * checked before any claim is believed. Plain HTTP with timeouts, outside any transaction: a slow provider holds
 * no database connection.
 */
@ApplicationScoped
public class OidcClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration METADATA_KEPT = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Map<String, Metadata> metadata = new ConcurrentHashMap<>();
    private final Map<String, JWKSource<SecurityContext>> keys = new ConcurrentHashMap<>();

    /** What the provider's discovery document says, as far as the flow needs it. */
    public record Metadata(
            String issuer,
            String authorizationEndpoint,
            String tokenEndpoint,
            String jwksUri,
            boolean basicAuth,
            Instant readAt) {}

    /** A flow begun: what the browser is sent to, and what the callback must bring back or keep. */
    public record Begun(String authorizationUri, String state, String nonce, String verifier) {}

    /** The provider could not be asked, or its answer is not one to trust; the message names what, not a secret. */
    public static final class ProviderException extends Exception {
        private static final long serialVersionUID = 1L;

        public ProviderException(String message) {
            super(message);
        }
    }

    /** The provider's metadata, read from {@code issuer/.well-known/openid-configuration} and kept an hour. */
    public Metadata discover(String issuer) throws ProviderException {
        Metadata known = metadata.get(issuer);
        if (known != null && known.readAt().plus(METADATA_KEPT).isAfter(Instant.now())) {
            return known;
        }
        JsonObject document = getJson(URI.create(issuer + "/.well-known/openid-configuration"));
        String named = text(document, "issuer");
        if (!issuer.equals(named.replaceAll("/+$", ""))) {
            throw new ProviderException("The provider names itself " + named + ", not " + issuer);
        }
        JsonValue methods = document.get("token_endpoint_auth_methods_supported");
        boolean basic = methods == null
                || methods.getValueType() != JsonValue.ValueType.ARRAY
                || methods.asJsonArray().getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .anyMatch("client_secret_basic"::equals);
        Metadata read = new Metadata(
                issuer,
                text(document, "authorization_endpoint"),
                text(document, "token_endpoint"),
                text(document, "jwks_uri"),
                basic,
                Instant.now());
        metadata.put(issuer, read);
        return read;
    }

    /** Begins a flow: fresh state, nonce and PKCE verifier, and the provider's address with the challenge. */
    public Begun begin(String issuer, String clientId, String redirectUri) throws ProviderException {
        Metadata provider = discover(issuer);
        String state = random();
        String nonce = random();
        String verifier = random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid email profile");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String endpoint = provider.authorizationEndpoint();
        return new Begun(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query), state, nonce, verifier);
    }

    /**
     * Exchanges the code for tokens and checks the ID token: signed with one of the provider's keys, issued by
     * {@code issuer} for {@code clientId}, not expired, carrying the nonce the flow began with. Its claims, or an
     * exception saying what was wrong.
     */
    public JWTClaimsSet exchange(
            String issuer,
            String clientId,
            String clientSecret,
            String code,
            String verifier,
            String redirectUri,
            String nonce)
            throws ProviderException {
        Metadata provider = discover(issuer);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("code_verifier", verifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.tokenEndpoint()))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (provider.basicAuth()) {
            String pair = encode(clientId) + ":" + encode(clientSecret);
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("client_id", clientId);
            body.put("client_secret", clientSecret);
        }
        HttpResponse<String> answer = send(
                request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build());
        if (answer.statusCode() != 200) {
            throw new ProviderException("The token endpoint answered " + answer.statusCode());
        }
        String idToken = text(parse(answer.body()), "id_token");
        try {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keysOf(provider.jwksUri())));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                    clientId,
                    new JWTClaimsSet.Builder()
                            .issuer(provider.issuer())
                            .claim("nonce", nonce)
                            .build(),
                    Set.of("sub", "iat", "exp")));
            return processor.process(idToken, null);
        } catch (java.text.ParseException
                | com.nimbusds.jose.proc.BadJOSEException
                | com.nimbusds.jose.JOSEException e) {
            throw new ProviderException("The ID token was refused: " + e.getMessage());
        }
    }

    private JWKSource<SecurityContext> keysOf(String jwksUri) throws ProviderException {
        try {
            URI uri = URI.create(jwksUri);
            return keys.computeIfAbsent(jwksUri, u -> {
                try {
                    return JWKSourceBuilder.<SecurityContext>create(uri.toURL())
                            .retrying(true)
                            .build();
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalArgumentException(e);
                }
            });
        } catch (IllegalArgumentException e) {
            throw new ProviderException("The provider's key address is not usable: " + jwksUri);
        }
    }

    private JsonObject getJson(URI uri) throws ProviderException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build());
        if (answer.statusCode() != 200) {
            throw new ProviderException(uri + " answered " + answer.statusCode());
        }
        return parse(answer.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws ProviderException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new ProviderException("The provider could not be reached at "
                    + request.uri().getHost() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("Interrupted while asking the provider");
        }
    }

    private static JsonObject parse(String body) throws ProviderException {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new ProviderException("The provider's answer is not a JSON object");
        }
    }

    private static String text(JsonObject object, String name) throws ProviderException {
        JsonValue value = object.get(name);
        if (!(value instanceof JsonString string) || string.getString().isBlank()) {
            throw new ProviderException("The provider's answer has no " + name);
        }
        return string.getString();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The S256 code challenge of a verifier. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
