package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code GET /v2/NAME/blobs/DIGEST}, streamed into a file while hashing. A connection that drops
 * mid-blob is resumed with a {@code Range} request where the registry honours it, else the blob is
 * fetched again from the start. The file is kept only when its size and digest are the
 * descriptor's.
 */
final class BlobPuller {

    private static final int BUFFER = 1 << 16;

    private final RegistryTransport transport;
    private final Retries retries;

    BlobPuller(RegistryTransport transport, Retries retries) {
        this.transport = transport;
        this.retries = retries;
    }

    /** Fetches a blob into {@code target}; on any failure the file is gone. */
    void pull(String repository, Descriptor descriptor, Path target, PullListener listener)
            throws IOException, RegistryException {
        Digest expected = digest(descriptor);
        boolean kept = false;
        try (FileChannel out =
                FileChannel.open(
                        target,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            MessageDigest sha256 = sha256();
            long have = 0;
            for (int attempt = 1; ; attempt++) {
                try {
                    have = fetch(repository, descriptor, expected, out, sha256, have, listener);
                    break;
                } catch (InterruptedIOException e) {
                    throw e;
                } catch (IOException e) {
                    if (e instanceof ResumableFailure partial) {
                        have = partial.position;
                        e = partial.getCause() instanceof IOException cause ? cause : e;
                    }
                    if (attempt >= retries.attempts()) {
                        throw new RegistryException(
                                "fetching blob "
                                        + expected
                                        + " failed: "
                                        + RegistryPing.describe(e),
                                e);
                    }
                    retries.pause(attempt, null);
                }
            }
            check(
                    repository,
                    descriptor,
                    expected,
                    new Digest(HexFormat.of().formatHex(sha256.digest())),
                    have);
            out.force(false);
            kept = true;
        } finally {
            if (!kept) {
                Files.deleteIfExists(target);
            }
        }
        listener.layerDone(descriptor.digest(), descriptor.size());
    }

    /** Fetches a small blob (a config) into memory, checked the same way. */
    byte[] read(String repository, Descriptor descriptor, int max)
            throws IOException, RegistryException {
        Digest expected = digest(descriptor);
        if (descriptor.size() > max) {
            throw new RegistryException(
                    "blob "
                            + expected
                            + " is too large for a config: "
                            + descriptor.size()
                            + " bytes");
        }
        HttpResponse<InputStream> response =
                transport.get(
                        "/v2/" + repository + "/blobs/" + expected,
                        ManifestPuller.scope(repository),
                        Map.of());
        byte[] content;
        try (InputStream in = response.body()) {
            content = in.readNBytes(max + 1);
        }
        check(repository, descriptor, expected, Digest.of(content), content.length);
        return content;
    }

    /** A blob is kept only when its size and digest are the descriptor's; else nothing of it. */
    private void check(
            String repository, Descriptor descriptor, Digest expected, Digest actual, long size)
            throws RegistryException {
        if (size != descriptor.size() || !actual.equals(expected)) {
            throw new RegistryException(
                    "blob "
                            + expected
                            + " from "
                            + transport.host()
                            + "/"
                            + repository
                            + " does not match its digest: got "
                            + actual
                            + ", "
                            + size
                            + " bytes of "
                            + descriptor.size());
        }
    }

    /** Fetches from {@code have} on; returns the bytes in the file after. */
    private long fetch(
            String repository,
            Descriptor descriptor,
            Digest expected,
            FileChannel out,
            MessageDigest sha256,
            long have,
            PullListener listener)
            throws IOException, RegistryException {
        Map<String, String> headers = have > 0 ? Map.of("Range", "bytes=" + have + "-") : Map.of();
        HttpResponse<InputStream> response =
                transport.get(
                        "/v2/" + repository + "/blobs/" + expected,
                        ManifestPuller.scope(repository),
                        headers);
        long position = have;
        if (have > 0 && !resumed(response, have)) {
            // the registry sent the whole blob again: start over
            out.truncate(0);
            sha256.reset();
            position = 0;
        }
        out.position(position);
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (position + n > descriptor.size()) {
                    throw new RegistryException(
                            "blob "
                                    + expected
                                    + " is larger than its descriptor's "
                                    + descriptor.size()
                                    + " bytes");
                }
                sha256.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                position += n;
                listener.progress(descriptor.digest(), position, descriptor.size());
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            // keep what arrived: the next try resumes from there
            throw new ResumableFailure(e, position);
        }
        return position;
    }

    /** A body that broke off after {@code position} bytes were kept. */
    private static final class ResumableFailure extends IOException {
        final long position;

        ResumableFailure(IOException cause, long position) {
            super(cause.getMessage(), cause);
            this.position = position;
        }
    }

    private static boolean resumed(HttpResponse<InputStream> response, long have) {
        return response.statusCode() == 206
                && response.headers()
                        .firstValue("Content-Range")
                        .map(r -> r.strip().startsWith("bytes " + have + "-"))
                        .orElse(false);
    }

    private static Digest digest(Descriptor descriptor) throws RegistryException {
        try {
            return Digest.parse(descriptor.digest());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    "a manifest names a blob by a bad digest: " + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
