package io.portus.activity;

import java.time.Instant;
import java.util.Map;

/**
 * One audit row, Portus's {@code public_activity} shape: {@code key} (e.g. {@code repository.push}), who
 * did it ({@code owner}), what it was about ({@code trackable}) and the object it touched
 * ({@code recipient}), with names kept so the row stays readable after those objects are deleted.
 */
public record Activity(long id, String key, Long ownerId, String ownerName, String trackableType, Long trackableId,
                       String trackableName, String recipientType, Long recipientId, String recipientName,
                       Long namespaceId, Long teamId, Map<String, String> parameters, Instant createdAt) {
}
