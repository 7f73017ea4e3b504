/** The help page: the commands of each client for this host ({@code /help}). */
package io.portus.web.help;
