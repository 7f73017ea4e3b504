/**
 * Integration-test harness and the real-client integration tests: they start {@code target/portus.jar}
 * (and CNCF distribution 2.8 as the reference) as real processes on free ports and drive them with
 * real clients (skopeo) and plain {@code java.net.http}. Entry points for other tests:
 * {@link io.portus.it.PortusProcess}, {@link io.portus.it.DistributionProcess},
 * {@link io.portus.it.TestImages} (images made by {@link io.portus.it.images.ImageMaker}), {@link io.portus.it.Skopeo}, {@link io.portus.it.RegistryHttp}.
 */
package io.portus.it;
