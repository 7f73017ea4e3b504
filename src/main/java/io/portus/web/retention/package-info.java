/** A namespace's retention rules: the rules form, a dry run's table, and an explicit run. */
package io.portus.web.retention;
