/**
 * The token service: {@code /v2/token} (GET and the OAuth2 POST form), JWT signing with {@code x5c} and a
 * libtrust or RFC 7638 {@code kid}, key material (PEM files or a generated self-signed certificate), and the
 * built-in registry's token verification ({@link io.portus.registry.AccessController} in token mode).
 */
package io.portus.auth.token;
