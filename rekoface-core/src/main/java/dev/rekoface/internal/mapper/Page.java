package dev.rekoface.internal.mapper;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing, as the listing mappers return it.
 *
 * @param items the page's items, in the service's order
 * @param nextToken the token of the next page, empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextToken) {
}
