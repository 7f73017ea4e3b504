/**
 * The deterministic test images (OCI image layouts and a containers-image {@code dir:} layout) of the
 * integration tests and benchmarks, made with the JDK alone: {@link io.portus.it.images.ImageMaker}.
 */
package io.portus.it.images;
