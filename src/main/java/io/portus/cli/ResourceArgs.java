package io.portus.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Parameters;

/** The positional arguments of the verbs on one kind of resource: {@code RESOURCE [ID] [key=value…]}. */
final class ResourceArgs {

    private ResourceArgs() {
    }

    /** {@code RESOURCE key=value…} ({@code create}, {@code validate}). */
    static final class Fields {

        @Parameters(index = "0", paramLabel = "RESOURCE")
        String resource;

        @Parameters(index = "1..*", paramLabel = "KEY=VALUE")
        List<String> fields = new ArrayList<>();
    }

    /** {@code RESOURCE ID key=value…} ({@code update}, {@code delete}). */
    static final class IdFields {

        @Parameters(index = "0", paramLabel = "RESOURCE")
        String resource;

        @Parameters(index = "1", paramLabel = "ID")
        String id;

        @Parameters(index = "2..*", paramLabel = "KEY=VALUE")
        List<String> fields = new ArrayList<>();
    }
}
