package io.jpod.cli.command;

import io.jpod.runtime.JpodException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Manifests named by an http(s) URL, as podman's play kube takes them: one GET, size-limited. */
final class ManifestFetch {

    /** Far above any manifest a person writes; a wrong URL to a large file fails fast. */
    static final int LIMIT = 4 * 1024 * 1024;

    private ManifestFetch() {}

    static boolean isUrl(String arg) {
        return arg.startsWith("http://") || arg.startsWith("https://");
    }

    static String get(String url) throws JpodException {
        HttpClient client =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(30))
                        .build();
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .header("Accept", "application/yaml, text/yaml, text/plain, */*")
                            .GET()
                            .build();
            HttpResponse<InputStream> response =
                    client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new JpodException(
                            url + ": cannot fetch the manifest: HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(LIMIT + 1);
                if (bytes.length > LIMIT) {
                    throw new JpodException(
                            url + ": the manifest is larger than " + LIMIT / 1024 / 1024 + " MiB");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            throw new JpodException(url + ": not a valid URL: " + e.getMessage());
        } catch (IOException e) {
            throw new JpodException(url + ": cannot fetch the manifest: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JpodException(url + ": interrupted while fetching the manifest");
        } finally {
            client.close();
        }
    }
}
