/**
 * Small pieces shared by the modules, with no domain knowledge: the domain's error types (mapped to HTTP
 * by {@code api} and {@code web}), secret-token helpers, paging ({@link io.portus.common.Slice}),
 * database time ({@link io.portus.common.DbTime}), and the background machinery: leases between instances
 * ({@link io.portus.common.JobLeases}), a loop that works while holding one ({@link io.portus.common.LeasedLoop})
 * and a bounded queue handled by one thread ({@link io.portus.common.BackgroundQueue}). No web types.
 */
package io.portus.common;
