package io.portus.webhook.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.portus.common.PortusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts webhook secrets (passwords, header values) with AES-256-GCM under a key derived from
 * {@code PORTUS_SECRET_KEY_BASE} (SHA-256 of a purpose label and the base). Without it, a random base is
 * generated once in {@code <data dir>/secret_key_base}; instances sharing a database must share the base.
 * Stored form: {@code v1:} + base64(nonce ‖ ciphertext+tag).
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    @Autowired
    SecretBox(PortusProperties properties) {
        this(properties.secretKeyBase(), properties.dataDir());
    }

    /** The box the server uses, outside a Spring context (e.g. {@link io.portus.webhook.WebhookSecrets}). */
    public static SecretBox from(PortusProperties properties) {
        return new SecretBox(properties);
    }

    SecretBox(String base, String dataDir) {
        String b = base == null || base.isBlank() ? generatedBase(Path.of(dataDir)) : base.strip();
        try {
            byte[] k = MessageDigest.getInstance("SHA-256")
                    .digest(("portus webhook secrets\0" + b).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, nonce.length + sealed.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plain text; throws when the value was sealed under another key (PORTUS_SECRET_KEY_BASE changed). */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith("v1:")) {
            throw new IllegalStateException("not an encrypted secret");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(3));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a webhook secret cannot be decrypted: was PORTUS_SECRET_KEY_BASE changed?");
        }
    }

    private static String generatedBase(Path dataDir) {
        Path file = dataDir.resolve("secret_key_base");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] b = new byte[64];
            RANDOM.nextBytes(b);
            String base = java.util.HexFormat.of().formatHex(b);
            Files.createDirectories(dataDir);
            Files.writeString(file, base);
            log.warn("PORTUS_SECRET_KEY_BASE is not set: webhook secrets are encrypted with a key generated in {}; "
                    + "instances sharing the database must set the same PORTUS_SECRET_KEY_BASE", file);
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a generated secret key base in " + file, e);
        }
    }
}
