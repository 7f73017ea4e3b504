/** Selection, storage and the background job of the retention module. */
package io.portus.retention.internal;
