package global.cas.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MnemonicPropertiesTest {
  private final WordLists lists = WordLists.loadAll();

  @Provide
  Arbitrary<byte[]> entropy() {
    return Arbitraries.of(16, 20, 24, 28, 32)
        .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
  }

  @Property(tries = 300)
  void anyEntropyRoundTripsThroughTheWordsInEveryLanguage(@ForAll("entropy") byte[] entropy) {
    for (Language l : Language.values()) {
      Mnemonic m = Mnemonic.fromEntropy(lists.get(l), entropy);
      Mnemonic back = lists.parse(m.phrase());
      assertThat(back.language()).isEqualTo(l);
      assertThat(back.entropy()).isEqualTo(entropy);
      assertThat(back.words()).isEqualTo(m.words());
    }
  }
}
