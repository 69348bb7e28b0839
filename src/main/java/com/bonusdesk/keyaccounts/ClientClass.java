package com.bonusdesk.keyaccounts;

/** How seed 003 classes clients (A, B, C): for filters and reports; it changes no amount. */
public enum ClientClass {
    A,
    B,
    C
}
