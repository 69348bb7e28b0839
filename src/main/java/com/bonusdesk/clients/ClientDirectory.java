package com.bonusdesk.clients;

import java.time.LocalDate;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about clients: who a code belongs to, and when it was last served. */
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
}
