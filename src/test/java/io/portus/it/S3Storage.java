package io.portus.it;

import java.nio.file.Path;

import io.portus.support.S3Server;

/**
 * Where a registry under test keeps its objects on the shared S3Proxy: a bucket and a root directory
 * (distribution's {@code rootdirectory}: keys are {@code <root>/docker/registry/v2/...}).
 */
record S3Storage(S3Server server, String bucket, String rootDirectory, boolean redirect) {

    /** S3Proxy's directory of {@code <bucket>/<root>}: the objects as files. */
    Path objectsDir() {
        Path bucketDir = server.dataDir().resolve(bucket);
        String root = rootDirectory.replaceAll("^/+|/+$", "");
        return root.isEmpty() ? bucketDir : bucketDir.resolve(root);
    }

    /** distribution 2.8's {@code storage.s3} (and {@code redirect}) lines, reaching S3Proxy through {@code port}. */
    void appendConfig(StringBuilder y, int port) {
        y.append("  s3:\n");
        y.append("    accesskey: ").append(DistributionProcess.q(server.accessKey())).append('\n');
        y.append("    secretkey: ").append(DistributionProcess.q(server.secretKey())).append('\n');
        y.append("    region: ").append(DistributionProcess.q(server.region())).append('\n');
        // with regionendpoint set, 2.8 uses path-style URLs and does not check the region
        y.append("    regionendpoint: \"http://127.0.0.1:").append(port).append("\"\n");
        y.append("    bucket: ").append(DistributionProcess.q(bucket)).append('\n');
        if (!rootDirectory.isEmpty()) {
            y.append("    rootdirectory: ").append(DistributionProcess.q(rootDirectory)).append('\n');
        }
        y.append("    secure: false\n    v4auth: true\n");
        y.append("  redirect: {disable: ").append(!redirect).append("}\n");
    }
}
