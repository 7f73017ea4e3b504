package io.portus.cli;

/** The output formats of {@code --format}: {@code table} for people, {@code json} and {@code yaml} for scripts. */
enum Format {
    table, json, yaml
}
