package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;

/**
 * G4: the signer declares candidacy in election {@code election} with a public profile. It is
 * accepted in the election's nomination window only, from an address holding the candidacy
 * minimum.
 */
public record CandidacyDeclaration(long election, Profile profile) implements GovernanceAction {
    public static final int TAG = 3;

    /**
     * A candidate's public profile (G4); every field is UTF-8 text within its limit in bytes.
     *
     * @param name the name shown on the ballot
     * @param personalInformation who the candidate is
     * @param career what the candidate did
     * @param education where the candidate studied
     * @param platform the manifesto
     */
    public record Profile(String name, String personalInformation, String career, String education, String platform) {
        public static final int MAX_NAME = 100;
        public static final int MAX_PERSONAL = 2_000;
        public static final int MAX_CAREER = 4_000;
        public static final int MAX_EDUCATION = 2_000;
        public static final int MAX_PLATFORM = 16_000;

        public void encode(Encoder e) {
            e.string(name)
                    .string(personalInformation)
                    .string(career)
                    .string(education)
                    .string(platform);
        }

        public static Profile decode(Decoder d) {
            return new Profile(
                    d.string(MAX_NAME),
                    d.string(MAX_PERSONAL),
                    d.string(MAX_CAREER),
                    d.string(MAX_EDUCATION),
                    d.string(MAX_PLATFORM));
        }
    }

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public String kindName() {
        return "candidacy";
    }

    @Override
    public void encodeFields(Encoder e) {
        e.u64(election);
        profile.encode(e);
    }

    static CandidacyDeclaration read(Decoder d) {
        return new CandidacyDeclaration(d.u64(), Profile.decode(d));
    }
}
