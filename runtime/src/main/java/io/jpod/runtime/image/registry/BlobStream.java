package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A layer blob read straight from the registry's answer, for the store to extract as it arrives. It
 * delivers exactly the descriptor's size or fails; the reader checks the digest (the store hashes
 * what it extracts), so nothing here is kept on disk.
 *
 * <p>A connection that drops mid-blob is picked up within the stream: a {@code Range} request from
 * the first byte not yet delivered, or, when the registry answers with the whole blob again, that
 * answer with the bytes already delivered skipped. Either way the reader sees one stream, and the
 * digest it computes covers every byte it was given, so a registry that changed its bytes between
 * the two answers still fails the check.
 */
final class BlobStream extends InputStream {

    private final RegistryTransport transport;
    private final Retries retries;
    private final String repository;
    private final Descriptor descriptor;
    private final Digest digest;
    private final PullListener listener;
    private InputStream body;

    /** Bytes delivered to the reader. */
    private long position;

    /** The offset in the blob of the body's next byte: below {@code position} while skipping. */
    private long bodyPosition;

    /** Drops in a row with no byte delivered in between. */
    private int failures;

    private boolean done;

    private BlobStream(
            RegistryTransport transport,
            Retries retries,
            String repository,
            Descriptor descriptor,
            Digest digest,
            PullListener listener,
            InputStream body) {
        this.transport = transport;
        this.retries = retries;
        this.repository = repository;
        this.descriptor = descriptor;
        this.digest = digest;
        this.listener = listener;
        this.body = body;
    }

    static BlobStream open(
            RegistryTransport transport,
            Retries retries,
            String repository,
            Descriptor descriptor,
            Digest digest,
            PullListener listener)
            throws IOException, RegistryException {
        HttpResponse<InputStream> response =
                transport.get(path(repository, digest), scope(repository), Map.of());
        return new BlobStream(
                transport, retries, repository, descriptor, digest, listener, response.body());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (done) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        while (true) {
            int n;
            try {
                long skip = position - bodyPosition;
                n = body.read(buffer, offset, skip > 0 ? (int) Math.min(length, skip) : length);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // the JDK's body stream reports an interrupted wait as a plain IOException
                    throw new InterruptedIOException("interrupted");
                }
                resume(e);
                continue;
            }
            if (n < 0) {
                return end();
            }
            if (bodyPosition < position) {
                bodyPosition += n;
                continue;
            }
            if (position + n > descriptor.size()) {
                throw new IOException(
                        "blob "
                                + digest
                                + " is larger than its descriptor's "
                                + descriptor.size()
                                + " bytes");
            }
            position += n;
            bodyPosition = position;
            failures = 0;
            listener.progress(descriptor.digest(), position, descriptor.size());
            return n;
        }
    }

    /** The body ended cleanly: the registry sent all it meant to, which must be the whole blob. */
    private int end() throws IOException {
        if (position != descriptor.size()) {
            throw new IOException(
                    "blob "
                            + digest
                            + " ended after "
                            + position
                            + " of its descriptor's "
                            + descriptor.size()
                            + " bytes");
        }
        done = true;
        body.close();
        listener.layerDone(descriptor.digest(), descriptor.size());
        return -1;
    }

    /** Asks again from the first byte not delivered, after a pause, or fails naming the blob. */
    private void resume(IOException cause) throws IOException {
        body.close();
        failures++;
        if (failures >= retries.attempts()) {
            throw new IOException(
                    "fetching blob " + digest + " failed: " + RegistryPing.describe(cause), cause);
        }
        retries.pause(failures, null);
        HttpResponse<InputStream> response;
        try {
            response =
                    transport.get(
                            path(repository, digest),
                            scope(repository),
                            Map.of("Range", "bytes=" + position + "-"));
        } catch (RegistryException e) {
            // the transport already retried the request itself
            throw new IOException(
                    "fetching blob " + digest + " again failed: " + e.getMessage(), e);
        }
        body = response.body();
        if (response.statusCode() == 206) {
            String range = response.headers().firstValue("Content-Range").orElse("").strip();
            if (!range.startsWith("bytes " + position + "-")) {
                body.close();
                throw new IOException(
                        "blob "
                                + digest
                                + ": asked for bytes "
                                + position
                                + "- the registry answered "
                                + (range.isEmpty() ? "no Content-Range" : range));
            }
            bodyPosition = position;
        } else {
            // the whole blob again: skip what was delivered
            bodyPosition = 0;
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    private static String path(String repository, Digest digest) {
        return "/v2/" + repository + "/blobs/" + digest;
    }

    private static String scope(String repository) {
        return ManifestPuller.scope(repository);
    }
}
