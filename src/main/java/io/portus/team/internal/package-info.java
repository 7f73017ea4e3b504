/** SQL for teams and memberships. */
package io.portus.team.internal;
