/** The user's own account: email, display name, password, application tokens (shown once), disable. */
package io.portus.web.profile;
