package io.portus.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ({@code Implementation-Version}), "development" when run from classes. */
final class CliVersion implements IVersionProvider {

    static String current() {
        String v = CliVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"portus " + current()};
    }
}
