package io.portus.config;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * What the classic image did with {@code update-ca-certificates}: the certificate Portus serves HTTPS with
 * is added to the JVM's default trust (beside the JDK's CAs), so Portus's own outgoing calls (the
 * registry reachability check, calls to registries sharing "the one certificate") trust it.
 */
final class OwnCertificateTrust {

    private OwnCertificateTrust() {
    }

    static void install(Path certificateFile, String setting) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (X509Certificate ca : jdkDefaults().getAcceptedIssuers()) {
                trust.setCertificateEntry("jdk-" + n++, ca);
            }
            try (InputStream in = Files.newInputStream(certificateFile)) {
                for (Certificate own : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("portus-" + n++, own);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            SSLContext.setDefault(context);
            HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(setting + ": cannot read the certificate " + certificateFile + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private static X509TrustManager jdkDefaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no default X.509 trust manager");
    }
}
