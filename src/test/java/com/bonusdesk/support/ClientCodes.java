package com.bonusdesk.support;

import java.util.concurrent.atomic.AtomicInteger;

import com.bonusdesk.clients.ClientCode;

/** Valid unified social credit codes that no other test uses, for clients never served. */
public final class ClientCodes {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ClientCodes() {
    }

    public static String fresh() {
        String first17 = String.format("91330100MB%07d", SEQUENCE.incrementAndGet());
        for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (ClientCode.parse(first17 + check).isPresent()) {
                return first17 + check;
            }
        }
        throw new IllegalStateException("No check character for " + first17);
    }
}
