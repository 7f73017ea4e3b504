/** {@code /explore}: public repositories for everyone, signed in or not ({@code anonymous_browsing.enabled}). */
package io.portus.web.explore;
