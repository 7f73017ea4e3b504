/** The activities table and the listeners that fill it from domain events. */
package io.portus.activity.internal;
