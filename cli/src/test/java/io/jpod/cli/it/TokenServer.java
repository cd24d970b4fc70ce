package io.jpod.cli.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Bearer token server for the test registry (its {@code auth: token:} config), in the test's JVM
 * on 127.0.0.1: Basic credentials in, an RS256 JWT out, its signing certificate in {@code x5c} so
 * the registry checks it against the bundle it trusts. Grants what is asked to the one user.
 */
final class TokenServer implements AutoCloseable {

    static final String ISSUER = "jpod-test-issuer";
    static final String SERVICE = "jpod-test-registry";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The scopes asked for, one entry per request ("" for none). */
    final List<String> scopes = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final PrivateKey key;
    private final byte[] certificate;
    private final String authorization;

    /**
     * @param keyPem a PKCS#8 PEM private key
     * @param certPem its self-signed certificate, which the registry's rootcertbundle holds
     */
    TokenServer(Path keyPem, Path certPem, String user, String password) throws Exception {
        this.key =
                KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(keyPem))));
        try (var in = Files.newInputStream(certPem)) {
            this.certificate =
                    ((X509Certificate)
                                    CertificateFactory.getInstance("X.509").generateCertificate(in))
                            .getEncoded();
        }
        this.authorization =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/token", this::token);
        server.start();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<String> asked = new ArrayList<>();
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("scope=")) {
                    asked.add(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
                }
            }
            scopes.add(String.join(" ", asked));
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            List<Map<String, Object>> access = new ArrayList<>();
            for (String scope : asked) {
                String[] parts = scope.split(":");
                if (parts.length == 3) {
                    access.add(
                            Map.of(
                                    "type", parts[0],
                                    "name", parts[1],
                                    "actions", List.of(parts[2].split(","))));
                }
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("token", jwt(access), "expires_in", 300));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String jwt(List<Map<String, Object>> access) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificate)));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "tester");
        claims.put("aud", SERVICE);
        claims.put("exp", now + 300);
        claims.put("nbf", now - 10);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed =
                url.encodeToString(JSON.writeValueAsBytes(header))
                        + "."
                        + url.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + url.encodeToString(rsa.sign());
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder()
                .decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
