/**
 * Operations: request ids (answered as {@code X-Request-Id}, in the MDC of every log line of a request) and
 * the access log in CNCF distribution's format, both as Tomcat valves so they also see requests the container
 * refuses. README "Logs and shutdown".
 */
package io.portus.ops;
