package com.bonusdesk.clients;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may ask about clients: who a code belongs to, when it was last served, and what it ordered in
 * a month.
 */
@Service
@RequiredArgsConstructor
public class ClientDirectory {

    private final ClientRepository clients;
    private final ClientOrderRepository orders;

    /**
     * What the order history says about a client named {@code name} under {@code code} ordering on
     * {@code orderDate}.
     *
     * @param knownAs the client's current name when the code is known, else null
     * @param renamed the code is known, but never under this name
     * @param lastOrderBefore the client's latest order before {@code orderDate}, other than this order
     */
    public record History(String knownAs, boolean renamed, LocalDate lastOrderBefore) {
    }

    @Transactional(readOnly = true)
    public History history(ClientCode code, String name, LocalDate orderDate, String orderNumber) {
        Optional<Client> client = clients.findByCode(code.value());
        if (client.isEmpty()) {
            return new History(null, false, null);
        }
        return new History(client.get().getName(), !client.get().wasKnownAs(name),
                orders.lastOrderBefore(client.get().getId(), orderDate, orderNumber).orElse(null));
    }

    /** Whether the ERP sent an order of this number. */
    @Transactional(readOnly = true)
    public boolean knowsOrder(String orderNumber) {
        return orders.existsByOrderNumber(orderNumber);
    }

    /** A client as other features name it: its id, code and current name. */
    public record Known(long id, String code, String name) {
    }

    @Transactional(readOnly = true)
    public Optional<Known> find(ClientCode code) {
        return clients.findByCode(code.value()).map(client -> new Known(client.getId(), client.getCode(),
                client.getName()));
    }

    @Transactional(readOnly = true)
    public Optional<Known> find(long clientId) {
        return clients.findById(clientId).map(client -> new Known(client.getId(), client.getCode(),
                client.getName()));
    }

    /** One of a client's orders as imported; a return is negative. */
    public record Order(String orderNumber, LocalDate date, BigDecimal amount) {
    }

    /** The client's orders dated in {@code month}, returns included, by date. */
    @Transactional(readOnly = true)
    public List<Order> ordersIn(long clientId, YearMonth month) {
        return orders.between(clientId, month.atDay(1), month.atEndOfMonth()).stream()
                .map(order -> new Order(order.getOrderNumber(), order.getOrderDate(), order.getAmount())).toList();
    }
}
