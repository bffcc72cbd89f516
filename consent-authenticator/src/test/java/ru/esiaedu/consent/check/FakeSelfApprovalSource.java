package ru.esiaedu.consent.check;

import java.util.ArrayList;
import java.util.List;

import ru.esiaedu.consent.source.ConsentSourceUnavailableException;
import ru.esiaedu.consent.source.ConsentState;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.ConsentSubject;
import ru.esiaedu.consent.source.Grantor;
import ru.esiaedu.consent.source.SelfApproval;

/** Like the registry source: an adult student may give their own consent on the page. */
class FakeSelfApprovalSource extends FakeConsentSource implements SelfApproval {

    boolean refuse;
    boolean grantOnApproval = true;
    boolean approveUnavailable;
    final List<String> approvedVersions = new ArrayList<>();

    @Override
    public boolean approveSelf(ConsentSubject subject, String textVersion) throws ConsentSourceUnavailableException {
        if (approveUnavailable) {
            throw new ConsentSourceUnavailableException("fake source down on approval");
        }
        if (refuse) {
            return false;
        }
        approvedVersions.add(textVersion);
        if (grantOnApproval) {
            state = new ConsentState(ConsentStatus.GRANTED, Grantor.SELF, "r-self");
        }
        return true;
    }
}
