/** Storage (SQL over {@code JdbcClient}) and hashing behind the account module's services. */
package io.portus.account.internal;
