package io.passerelle.restaurant.ui;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Turns a grid's lazy-loading query into a page request, with a default order so pages never overlap. */
final class PageRequests {

    private PageRequests() {}

    static PageRequest of(Query<?, ?> query, Sort defaultOrder) {
        PageRequest request = VaadinSpringDataHelpers.toSpringPageRequest(query);
        Sort order = request.getSort().isSorted() ? request.getSort() : defaultOrder;
        // the id breaks ties: equal names would otherwise shuffle between pages
        return request.withSort(order.and(Sort.by("id")));
    }
}
