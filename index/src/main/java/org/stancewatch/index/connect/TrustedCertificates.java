package org.stancewatch.index.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS context that trusts the certificates of a PEM file as well as the JDK's own CAs: a node
 * with Elasticsearch's self-signed CA is reached without turning verification off, and one with
 * a public certificate still works.
 */
public final class TrustedCertificates {
    private TrustedCertificates() {}

    /**
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate, saying which
     */
    public static SSLContext sslContext(Path pemFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates(pemFile)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            List<X509TrustManager> managers = List.of(trustManager(store), trustManager(null)); // null: the JDK's CAs
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrustManager(managers)}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the CA certificate " + pemFile + ": " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(Path pemFile)
            throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(pemFile)) {
            throw new IllegalArgumentException("the CA certificate file " + pemFile + " does not exist");
        }
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(pemFile + " holds no certificate (a PEM file such as "
                        + "Elasticsearch's config/certs/http_ca.crt is expected)");
            }
            return certificates;
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server that any of its managers trusts. */
    private record EitherTrustManager(List<X509TrustManager> managers) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(manager -> Arrays.stream(manager.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
