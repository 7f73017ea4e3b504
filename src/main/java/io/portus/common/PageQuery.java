package io.portus.common;

/**
 * One page of an API list, read in the database: {@code offset}, {@code limit} (null: all from the offset)
 * and the order, an attribute of the resource's whitelist ({@link SortColumns}) ascending or descending.
 */
public record PageQuery(int offset, Integer limit, String sortAttribute, boolean ascending) {

    public static final PageQuery ALL_BY_ID = new PageQuery(0, null, "id", true);

    public PageQuery {
        offset = Math.max(0, offset);
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
