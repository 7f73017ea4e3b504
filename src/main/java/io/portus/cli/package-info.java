/**
 * The operator CLI: {@code java -jar portus.jar <verb>} (picocli). A verb never starts the server. Verbs that
 * talk to a running server use its HTTP API only and load no Spring context (they answer in about a second);
 * verbs on the database directly ({@code make-admin}, {@code import-portus}, {@code gc}, {@code rotate-key},
 * {@code info}) open the database the usual environment selects. Output for scripts goes to stdout, logs and
 * messages for people to stderr; exit codes are listed in {@link io.portus.cli.ExitCodes}.
 */
package io.portus.cli;
