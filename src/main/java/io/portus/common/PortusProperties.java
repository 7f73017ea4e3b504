package io.portus.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The top-level {@code portus.*} keys several modules share.
 *
 * @param dataDir        where everything lives by default ({@code PORTUS_DATA_DIR})
 * @param machineFqdn    JWT issuer and host name of this installation ({@code PORTUS_MACHINE_FQDN_VALUE})
 * @param secretKeyBase  Rails' {@code secret_key_base} of the classic image, kept for encrypting stored secrets;
 *                       blank = one generated under {@code dataDir}
 * @param portusPassword password of the hidden {@code portus} service user ({@code PORTUS_PASSWORD}); blank = it
 *                       cannot log in
 */
@ConfigurationProperties("portus")
public record PortusProperties(@DefaultValue("./data") String dataDir, @DefaultValue("localhost") String machineFqdn,
                               @DefaultValue("") String secretKeyBase, @DefaultValue("") String portusPassword) {

    /** Without the secrets. */
    @Override
    public String toString() {
        return "PortusProperties[dataDir=" + dataDir + ", machineFqdn=" + machineFqdn + "]";
    }
}
