package io.portus.catalog;

/**
 * One child of an image index or manifest list: a platform's manifest.
 *
 * @param size bytes of the child image (config + layers)
 */
public record Platform(String digest, String mediaType, String os, String architecture, String variant, long size) {
}
