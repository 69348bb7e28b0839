package com.bonusdesk.clients;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ClientOrderRepository extends JpaRepository<ClientOrder, Long> {

    Optional<ClientOrder> findByOrderNumber(String orderNumber);

    boolean existsByOrderNumber(String orderNumber);

    /** The client's latest order (not a return) dated before {@code date}, other than {@code excluded}. */
    @Query("""
            select max(o.orderDate) from ClientOrder o
            where o.client.id = :clientId and o.orderDate < :date and o.orderNumber <> :excluded and o.amount >= 0
            """)
    Optional<LocalDate> lastOrderBefore(@Param("clientId") long clientId, @Param("date") LocalDate date,
            @Param("excluded") String excludedOrderNumber);

    @Query("select max(o.orderDate) from ClientOrder o where o.client.id = :clientId")
    Optional<LocalDate> latestOrderDate(@Param("clientId") long clientId);

    long countByClientId(long clientId);

    /** The client's orders dated between {@code from} and {@code to}, returns included, by date. */
    @Query("""
            select o from ClientOrder o where o.client.id = :clientId and o.orderDate between :from and :to
            order by o.orderDate, o.orderNumber""")
    java.util.List<ClientOrder> between(@Param("clientId") long clientId, @Param("from") LocalDate from,
            @Param("to") LocalDate to);
}
