package io.hallwatch.queue.service.checkin;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.queue.domain.appointment.CheckInCodes;
import io.hallwatch.queue.store.appointment.AppointmentStore;
import io.hallwatch.queue.store.ticket.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Chooses a check-in code no open remote ticket or booked appointment of the branch holds, in the caller's transaction:
 * each candidate's lock is held until it commits, so two requests never take the same code.
 */
@ApplicationScoped
public class CheckInCodeChooser {
    private static final int ATTEMPTS = 20;

    private final CheckInCodes codes = new CheckInCodes();
    private final TicketStore tickets;
    private final AppointmentStore appointments;

    CheckInCodeChooser(TicketStore tickets, AppointmentStore appointments) {
        this.tickets = tickets;
        this.appointments = appointments;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String forRemoteTicket(String branchId) {
        return choose(branchId, codes::forRemoteTicket, code -> tickets.remoteCodeInUse(branchId, code));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String forAppointment(String branchId) {
        return choose(branchId, codes::forAppointment, code -> appointments.codeInUse(branchId, code));
    }

    private String choose(String branchId, Supplier<String> candidates, Predicate<String> inUse) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String code = candidates.get();
            tickets.lockCode(branchId, code);
            if (!inUse.test(code)) {
                return code;
            }
        }
        throw new ProblemException(503, "check-in-codes-exhausted", "No check-in code free",
                "No free check-in code was found; try again");
    }
}
