/**
 * The words people use for each everyday concern and warning sign: the CONCERN slot's values in
 * every interaction model, and what the core looks for in words heard as something else (a routine
 * name that is really "a bad headache please"). Written once for every locale, both spellings kept:
 * a sign must be heard however it is said. Synonyms are listed with "; " between them.
 */
import type { ConcernSlotId } from '../core/concerns';

export interface ConcernPhrases {
  /** The value as the model names it. */
  readonly value: string;
  readonly synonyms: readonly string[];
}

/**
 * A value and its synonyms, written as one list with "; " between them (line breaks are spaces).
 * The list is split at its first read: few turns look for a concern in what they heard.
 */
function said(value: string, synonyms: string): ConcernPhrases {
  let split: readonly string[] | undefined;
  return {
    value,
    get synonyms() {
      split ??= synonyms
        .split(';')
        .map((phrase) => phrase.replace(/\s+/g, ' ').trim())
        .filter((phrase) => phrase !== '');
      return split;
    },
  };
}

export const CONCERN_WORDS: Readonly<Record<ConcernSlotId, ConcernPhrases>> = {
  swollenFeet: said(
    'swollen feet',
    `swollen ankles; puffy feet; puffy ankles; her feet are swollen; my feet are swollen; feet are swollen;
     swelling in her feet; her ankles are swollen; ankles are swollen; tired feet; sore feet; aching feet;
     my feet hurt; her feet hurt; feet hurt; feet ache`,
  ),
  backAche: said(
    'backache',
    `back ache; back pain; lower back pain; sore back; my back aches; her back aches; back aches;
     her back hurts; my back hurts; back hurts; aching back; bad back; a sore back; lower back ache`,
  ),
  sciatica: said(
    'sciatica',
    `sciatic pain; sciatic nerve pain; pain down her leg; shooting pain down her leg; pain in her buttock;
     a trapped nerve; nerve pain in her leg`,
  ),
  hipAche: said(
    'hip ache',
    `hip pain; sore hips; aching hips; her hips hurt; my hips hurt; hips hurt; pelvic pain; pelvic girdle pain;
     her hips ache; achy hips`,
  ),
  tightShoulders: said(
    'tight shoulders',
    `stiff neck; sore shoulders; neck pain; neck ache; tense shoulders; shoulder pain; a stiff neck;
     her shoulders are tight; my shoulders are tight; shoulders are tight; tension in her shoulders`,
  ),
  cantSleep: said(
    "can't sleep",
    `trouble sleeping; insomnia; sleeplessness; restless nights; not sleeping; difficulty sleeping; poor sleep;
     getting to sleep; sleep; not sleeping well; fall asleep; falling asleep; help her fall asleep`,
  ),
  soreHands: said(
    'sore hands',
    `aching hands; her hands are sore; my hands are sore; hands are sore; stiff hands; hand pain; wrist pain;
     sore wrists; achy hands; hands ache`,
  ),
  carpalTunnel: said(
    'carpal tunnel',
    `carpal tunnel syndrome; numb fingers; tingling hands; tingly fingers; tingling fingers; numb hands;
     pins and needles in her hands; pins and needles in my hands; hands are numb; fingers are numb;
     hands are tingling; numbness in her hands`,
  ),
  earlyLabour: said(
    'early labour',
    `early labor; labour; labor; in early labour; in early labor; the early stage of labour;
     the early stage of labor; latent labour; latent labor; back labour; back labor; labour pains; labor pains`,
  ),
  stress: said(
    'stress',
    `stressed; anxiety; anxious; feeling tense; tension; worry; relaxation; feeling overwhelmed; overwhelmed;
     nerves; nervous; needs to relax`,
  ),
  heartburn: said('heartburn', `heart burn; acid reflux; reflux; indigestion; acid indigestion; acid in her throat`),
  legCramp: said(
    'leg cramp',
    `leg cramps; a cramp; cramp in her leg; cramp in my leg; a cramp in her leg; calf cramp; a calf cramp;
     cramp in her calf; cramp in her foot; foot cramp; night cramps; foot cramps; calf cramps`,
  ),
  heavyBleeding: said(
    'heavy bleeding',
    `bleeding heavily; bleeding a lot; a lot of blood; lots of blood; passing clots; clots; a lot of bleeding;
     bleeding badly; bleeding really badly; losing a lot of blood; soaking through a pad; gushing blood;
     very heavy bleeding; haemorrhaging; hemorrhaging`,
  ),
  severeBellyPain: said(
    'severe belly pain',
    `constant belly pain; terrible stomach pain; bad tummy pain; agony in her belly; severe stomach pain;
     severe tummy pain; severe abdominal pain; constant stomach pain; constant tummy pain; bad belly pain;
     terrible belly pain; really bad stomach pain; belly pain that won't stop; agony in her stomach;
     in agony with her belly; in agony with her stomach`,
  ),
  chestPain: said(
    'chest pain',
    `pain in her chest; pain in my chest; chest hurts; tight chest; chest is tight; chest feels tight;
     chest tightness; chest pains; pressure in her chest; crushing chest pain; pain in the chest;
     dizzy with chest pain`,
  ),
  cantBreathe: said(
    "can't breathe",
    `struggling to breathe; short of breath; breathless; out of breath suddenly; gasping; gasping for breath;
     gasping for air; can't catch her breath; can't catch my breath; trouble breathing; difficulty breathing;
     suddenly breathless; suddenly short of breath; finding it hard to breathe; shortness of breath;
     not breathing properly; not breathing; dizzy and breathless; dizzy and short of breath`,
  ),
  fainted: said(
    'fainted',
    `collapsed; passed out; unconscious; not waking up; won't wake up; blacked out; fainting; unresponsive;
     not responding; can't wake her; can't wake her up; not waking properly; hard to wake; keeled over`,
  ),
  seizure: said(
    'seizure',
    `a seizure; having a seizure; had a seizure; a fit; having a fit; had a fit; fitting;
     shaking and unresponsive; convulsing; convulsions; having convulsions; seizures`,
  ),
  bleeding: said(
    'bleeding',
    `blood; spotting; a bit of blood; bleeding a little; some bleeding; some blood; a little blood;
     a little bleeding; light bleeding; vaginal bleeding; bleeding slightly; blood on her underwear;
     blood when she wiped; bloody discharge`,
  ),
  waters: said(
    'waters broke',
    `waters have broken; water broke; leaking fluid; fluid leaking; a gush of fluid; waters broken;
     water has broken; waters breaking; waters have gone; waters went; leaking water; a trickle of fluid;
     waters are leaking; broken waters`,
  ),
  babyMovements: said(
    'reduced movements',
    `the baby isn't moving; baby isn't moving; the baby's not moving; the baby is moving less; fewer movements;
     can't feel the baby move; the baby's gone quiet; the baby's stopped moving; the baby isn't moving much;
     baby isn't moving much; baby's moving less; the baby hasn't moved; can't feel the baby;
     haven't felt the baby move; hasn't felt the baby move; less movement; the baby's quieter than usual;
     the baby has stopped kicking; baby movements have slowed down`,
  ),
  severeHeadache: said(
    'severe headache',
    `a severe headache; a bad headache; bad headache; a terrible headache; terrible headache;
     a really bad headache; really bad headache; a migraine; migraine; the worst headache; an awful headache;
     a pounding headache; a splitting headache; a headache that won't go away; head really hurts`,
  ),
  visionChanges: said(
    'blurred vision',
    `blurry vision; vision is blurry; vision is blurred; seeing spots; flashing lights; seeing flashing lights;
     a headache and blurred vision; headache and blurry vision; a headache and blurry vision;
     headache and blurred vision; can't see properly; spots in front of her eyes; double vision; seeing stars;
     vision problems; eyesight is blurry; dizzy with blurred vision`,
  ),
  suddenSwelling: said(
    'sudden swelling',
    `swelling that came on suddenly; her face and hands swelled up suddenly; face and hands swelled up suddenly;
     sudden puffiness; suddenly swollen hands; her hands and face are suddenly swollen; puffy face;
     a swollen face; swollen face; face is swollen; hands and face swelled up; face is puffy;
     swollen hands and face; face swelled up; hands and face are swollen; swelling in her face`,
  ),
  bellyPain: said(
    'belly pain',
    `belly hurts; stomach hurts; tummy hurts; stomach pain; tummy ache; cramping in her belly; stomach ache;
     tummy pain; abdominal pain; bump hurts; pain in her belly; pain in her tummy; pain in her stomach;
     belly ache; stomach cramps; tummy cramps; cramping; period pains; cramps; belly cramps`,
  ),
  upperBellyPain: said(
    'upper belly pain',
    `pain under her ribs; pain under the ribs; pain at the top of her bump; pain under my ribs;
     pain below her ribs; pain below the ribs; pain just below her ribs; upper stomach pain; upper tummy pain;
     upper abdominal pain; pain at the top of my bump; pain in her upper belly`,
  ),
  legClot: said(
    'calf pain',
    `calf hurts; a sore calf; sore calf; calf is swollen; a swollen calf; swollen calf; leg is red and hot;
     a red hot leg; one leg is swollen; leg is swollen; leg is red; leg hurts; leg is painful;
     leg is swollen and painful; one leg is red and hot; calf is red; calf is hot; calf is tender;
     a painful calf; pain in her calf; pain in her leg; leg is hot and swollen; a blood clot; a clot in her leg;
     a clot`,
  ),
  fever: said(
    'fever',
    `a fever; a temperature; a high temperature; burning up; hot and shivery; feverish; running a fever;
     running a temperature; high temperature; temperature; shivery; the chills; chills`,
  ),
  pretermContractions: said(
    'preterm contractions',
    `early contractions before thirty seven weeks; contractions before thirty seven weeks;
     premature contractions; preterm labour; preterm labor; premature labour; premature labor;
     in preterm labour; in premature labour`,
  ),
  fallOrKnock: said(
    'a fall',
    `fell; had a fall; fall; fell over; fell down; tripped and fell; slipped and fell; knocked her bump;
     a knock to the bump; a knock to her bump; bumped her belly; hit her bump; knocked my bump; bumped my belly;
     hit my bump; fell on her bump; fell down the stairs`,
  ),
  itching: said(
    'itching',
    `itchy hands and feet; itchy palms; itchy feet; hands and feet are itchy; itchy hands; itchy soles;
     itching on her palms; itchy palms and soles; itching hands and feet; itchy skin; itching all over;
     itchy all over; itchy; really itchy; feet are itchy; palms are itchy; hands are itchy`,
  ),
  mildHeadache: said(
    'headache',
    `a headache; a new headache; a mild headache; mild headache; new headache; a slight headache;
     slight headache; a bit of a headache; a little headache; head hurts; a sore head; sore head; head is sore;
     headachy`,
  ),
};
