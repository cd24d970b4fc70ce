package io.jpod.runtime.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** The TLS context of registry connections: the system's CAs, plus a cert dir's, or none. */
final class TlsContext {

    private TlsContext() {}

    static SSLContext create(RegistryOptions options) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (!options.tlsVerify()) {
                context.init(null, new TrustManager[] {new TrustingAnything()}, null);
            } else if (options.certDir().isPresent()) {
                context.init(null, trustManagers(options.certDir().get()), null);
            } else {
                return SSLContext.getDefault();
            }
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The system's trust store with every {@code *.crt} of {@code dir} added. */
    private static TrustManager[] trustManagers(Path dir)
            throws IOException, GeneralSecurityException {
        TrustManagerFactory system =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (TrustManager tm : system.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    store.setCertificateEntry("system-" + n++, ca);
                }
            }
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> crts = Files.newDirectoryStream(dir, "*.crt")) {
            crts.forEach(files::add);
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate c : factory.generateCertificates(in)) {
                    store.setCertificateEntry("cert-dir-" + n++, c);
                }
            } catch (CertificateException e) {
                throw new IOException(file + " is not a PEM certificate: " + e.getMessage(), e);
            }
        }
        TrustManagerFactory combined =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        combined.init(store);
        return combined.getTrustManagers();
    }

    /**
     * Accepts any certificate for any host: an extended trust manager, so the JDK adds no host name
     * check of its own.
     */
    private static final class TrustingAnything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
