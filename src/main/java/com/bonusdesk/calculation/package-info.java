/**
 * The bonus rules of POLICY.md (R1–R6) as plain Java: facts and plan parameters in, a result out, each line
 * with the rule, plan version and an explanation of the inputs and formula. No Spring, JPA or servlet
 * types: everything here can be tested, and reasoned about, on its own.
 */
package com.bonusdesk.calculation;
