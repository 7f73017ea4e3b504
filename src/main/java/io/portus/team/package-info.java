/**
 * Teams and their members (roles viewer/contributor/owner, Portus's integer codes 0/1/2). Hidden teams
 * are the personal team of each user and the global team of each registry; they are managed by the
 * namespace module, never through the team API. A team always keeps at least one owner, and Portus
 * admins in a team are always owners.
 */
package io.portus.team;
