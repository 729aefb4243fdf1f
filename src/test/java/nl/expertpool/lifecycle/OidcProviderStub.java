package nl.expertpool.lifecycle;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small OIDC provider on a local port, laid out like a Keycloak realm: discovery, authorization,
 * token, JWKS and end-session endpoints. The authorization endpoint signs in whoever the test named
 * last, without asking; the token endpoint returns an RS256-signed ID token with that user's claims
 * and the nonce of the authorization request.
 */
public final class OidcProviderStub implements AutoCloseable {

  public static final String CLIENT_ID = "expert-pool";
  public static final String CLIENT_SECRET = "stub-secret";

  private final HttpServer server;
  private final RSAKey key;
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private volatile Map<String, Object> next = Map.of();

  /** What one authorization request granted, redeemed once at the token endpoint. */
  private record Grant(String redirectUri, String nonce, Map<String, Object> claims) {}

  private OidcProviderStub() throws IOException, JOSEException {
    key = new RSAKeyGenerator(2048).keyID("stub-key").generate();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(path("/.well-known/openid-configuration"), this::discovery);
    server.createContext(path("/protocol/openid-connect/auth"), this::authorize);
    server.createContext(path("/protocol/openid-connect/token"), this::token);
    server.createContext(path("/protocol/openid-connect/certs"), this::keys);
    server.start();
  }

  public static OidcProviderStub start() {
    try {
      return new OidcProviderStub();
    } catch (IOException | JOSEException e) {
      throw new IllegalStateException("OIDC provider stub did not start", e);
    }
  }

  private static String path(String endpoint) {
    return "/realms/test" + endpoint;
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
  }

  public String endSessionEndpoint() {
    return issuer() + "/protocol/openid-connect/logout";
  }

  /** The claims (besides iss, aud, nonce and times) of the user the next authorization signs in. */
  public void signInNextAs(Map<String, Object> claims) {
    next = Map.copyOf(claims);
  }

  public String authorizationEndpoint() {
    return issuer() + "/protocol/openid-connect/auth";
  }

  private void discovery(HttpExchange exchange) throws IOException {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("issuer", issuer());
    metadata.put("authorization_endpoint", authorizationEndpoint());
    metadata.put("token_endpoint", issuer() + "/protocol/openid-connect/token");
    metadata.put("jwks_uri", issuer() + "/protocol/openid-connect/certs");
    metadata.put("end_session_endpoint", endSessionEndpoint());
    metadata.put("response_types_supported", List.of("code"));
    metadata.put("subject_types_supported", List.of("public"));
    metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
    metadata.put("scopes_supported", List.of("openid", "profile"));
    metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    metadata.put("grant_types_supported", List.of("authorization_code"));
    respond(exchange, 200, JSONObjectUtils.toJSONString(metadata));
  }

  /** Signs in whoever the test named and sends the browser back to the app with a code. */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    if (!CLIENT_ID.equals(query.get("client_id"))
        || !"code".equals(query.get("response_type"))
        || !query.getOrDefault("scope", "").contains("openid")
        || query.get("nonce") == null
        || query.get("redirect_uri") == null) {
      respond(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    grants.put(code, new Grant(query.get("redirect_uri"), query.get("nonce"), next));
    exchange
        .getResponseHeaders()
        .set(
            "Location",
            query.get("redirect_uri")
                + "?code="
                + code
                + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    respond(exchange, 302, "");
  }

  private void token(HttpExchange exchange) throws IOException {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    Map<String, String> form =
        query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Grant grant = grants.remove(form.getOrDefault("code", ""));
    if (!"POST".equals(exchange.getRequestMethod())
        || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    if (grant == null
        || !"authorization_code".equals(form.get("grant_type"))
        || !grant.redirectUri().equals(form.get("redirect_uri"))) {
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    respond(
        exchange,
        200,
        JSONObjectUtils.toJSONString(
            Map.of(
                "access_token",
                UUID.randomUUID().toString(),
                "token_type",
                "Bearer",
                "expires_in",
                300,
                "scope",
                "openid profile",
                "id_token",
                idToken(grant))));
  }

  private String idToken(Grant grant) {
    Instant now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .subject(UUID.randomUUID().toString())
            .issuer(issuer())
            .audience(CLIENT_ID)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", grant.nonce());
    grant.claims().forEach(claims::claim);
    var token =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            claims.build());
    try {
      token.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return token.serialize();
  }

  private void keys(HttpExchange exchange) throws IOException {
    respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isBlank()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      String[] parts = pair.split("=", 2);
      values.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  private static void respond(HttpExchange exchange, int status, String json) {
    try (exchange) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
