package io.portus.web.oauth;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ID-token verification as Spring Security's {@link OidcIdTokenDecoderFactory} does it (signature by the
 * provider's JWKS, then {@code iss}, {@code sub}, {@code aud}, {@code azp}, {@code exp}, {@code iat}; the nonce is
 * checked by the login provider), but fetching the JWKS with {@link ProviderHttp}'s timeouts. RS256 and ES256.
 */
final class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        String jwks = registration.getProviderDetails().getJwkSetUri();
        return decoders.computeIfAbsent(registration.getRegistrationId() + " " + jwks, k -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks)
                    .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256)
                    .restOperations(new RestTemplate(ProviderHttp.requestFactory())).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        });
    }
}
