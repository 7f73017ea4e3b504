package io.portus.web.admin;

/** The fields of the registry form (bound from {@code name}, {@code hostname}, {@code useSsl}, {@code externalHostname}). */
public record RegistryForm(String name, String hostname, boolean useSsl, String externalHostname) {

    public RegistryForm {
        name = name == null ? "" : name;
        hostname = hostname == null ? "" : hostname;
        externalHostname = externalHostname == null ? "" : externalHostname;
    }
}
