/**
 * What the skill says about warning signs, everyday concerns and labour (shared docs/safety.md).
 * One clear action first, then only the clause that matches what was said. Who to call, and the
 * numbers, are the locale's care terms (locales.ts).
 */
import type { Wording } from '../core/wording';
import type { CareTerms } from './locales';

type SafetyLines = Pick<
  Wording,
  | 'tierAction'
  | 'signClause'
  | 'tierClose'
  | 'concernScreening'
  | 'unknownConcernSafety'
  | 'helpWithUnknown'
  | 'askTerm'
  | 'askTermReprompt'
  | 'atTerm'
  | 'contractionOffer'
  | 'contractionStart'
  | 'contractionCues'
  | 'contractionRelease'
  | 'contractionRest'
  | 'contractionNext'
  | 'contractionReprompt'
  | 'labourHelp'
  | 'labourEaseOff'
>;

export const safetyLines = (care: CareTerms) =>
  ({
    tierAction: {
      1: `Stop the massage and ${care.callEmergency}.`,
      2: `Stop the massage and call ${care.urgentCare} now. Don't wait until tomorrow.`,
      3: `Stop the massage for now, and call ${care.careTeam} today${care.adviceLine}.`,
    },
    signClause: {
      heavyBleeding: 'Heavy bleeding or passing clots is an emergency in pregnancy. Help her lie on her left side.',
      severeBellyPain: 'Severe or constant pain in her belly needs help straight away. Help her onto her side.',
      chestPain: 'Chest pain in pregnancy needs help straight away. Help her sit up.',
      cantBreathe: 'Sudden trouble breathing needs help straight away. Help her sit up and loosen anything tight.',
      fainted: "If she has fainted or won't wake properly, lie her on her left side and check that she's breathing.",
      seizure:
        "If she's having a fit, don't hold her down; move things away from her, and when it stops, roll her onto her left side.",
      bleeding: 'Any bleeding or spotting in pregnancy needs checking straight away.',
      waters: 'If her waters have broken or fluid is leaking, she needs checking, whatever the stage of pregnancy.',
      babyMovements:
        "If the baby is moving less, differently or not at all, that needs checking now. Don't wait until the morning.",
      severeHeadache: 'A severe headache in pregnancy can be a sign of high blood pressure.',
      visionChanges: 'Blurred vision, flashing lights or spots can be a sign of high blood pressure in pregnancy.',
      suddenSwelling:
        'Swelling that comes on suddenly in her face, hands or feet can be a sign of high blood pressure.',
      bellyPain: `Pain in her belly needs checking now. If it's severe or keeps on, ${care.callEmergency}.`,
      upperBellyPain: 'Pain under her ribs or high in her belly can be a sign of high blood pressure.',
      legClot:
        "A calf or leg that is swollen, red, hot or painful can mean a blood clot. Don't massage that leg at all.",
      fever: 'A fever in pregnancy needs checking straight away.',
      pretermContractions: 'Regular tightenings before 37 weeks can be the start of early labour.',
      fallOrKnock: 'After a fall or a knock to her bump, she needs checking, even if she feels fine.',
      itching:
        'Itching, especially on the palms of her hands or the soles of her feet, can be a sign of a liver condition in pregnancy, and it needs a blood test.',
      mildHeadache:
        'A new headache needs checking. If it gets bad, or comes with blurred vision, flashing lights or swelling, call them now. Once it has been checked, shoulders and neck may help.',
    },
    tierClose: {
      1: `Stay with her until help comes.${care.emergencyAfter}`,
      2: `If you can't reach them, ${care.goIn}, or ${care.callEmergency}.`,
      3: "The massage can wait until she's been checked.",
    },
    concernScreening: {
      swollenFeet: `Some swelling of the feet and ankles is common, especially late in the day. Swelling that comes on suddenly, or in her face or hands, is a warning sign: then call ${care.urgentCare} now.`,
      backAche: `Back ache is common in pregnancy. If it comes and goes in waves, or comes with bleeding or fluid, call ${care.urgentCare} now.`,
      sciatica: `If she has numbness between her legs, or trouble passing urine, call ${care.urgentCare} now. During the massage, a sharp or shooting pain means stop.`,
      hipAche: `If her pelvis hurts so much that walking or turning over is hard, tell ${care.careTeam}; there is help for that.`,
      tightShoulders: `If a stiff neck comes with a bad headache or a fever, call ${care.urgentCare} now.`,
      cantSleep: `If worry keeps her awake most nights, tell ${care.careTeam}; it is common and there is help.`,
      soreHands: `If her hands or face swell up suddenly, call ${care.urgentCare} now.`,
      carpalTunnel: `Tingling or numb fingers are common in pregnancy. Keep strokes light over her wrists, with no pressure on the inside of the wrist, and tell ${care.careTeam} if it gets worse.`,
      stress: `If she feels low or anxious most days, tell ${care.careTeam}; it is common and there is help.`,
      heartburn: `Massage won't do much for heartburn; small meals and sitting up after eating often help. Pain under her ribs or high in her belly is different: call ${care.urgentCare} now.`,
      legCramp: `For a cramp, help her flex her foot, toes gently towards her, and hold the stretch. Don't rub the calf. If it stays painful, swollen, red or warm, call ${care.urgentCare} now.`,
    },
    unknownConcernSafety: `I don't know that one. If something about her or the baby worries you, call ${care.careTeam}${care.adviceLine}. In an emergency, ${care.callEmergency}.`,
    helpWithUnknown:
      'I can suggest a routine for an aching back, swollen feet, sciatica, tight shoulders, sore hands, sleep or stress.',
    askTerm: 'Before anything else: is she 37 weeks pregnant or more? Say yes or no.',
    askTermReprompt: 'Is she 37 weeks pregnant or more? Say yes or no.',
    atTerm: `At 37 weeks or more, labour is expected. Call ${care.birthUnit} when the contractions come regularly, about every five minutes and lasting about a minute, for about an hour, or when her birth plan says. Call straight away if her waters break, she bleeds, the baby moves less, or you're worried.`,
    contractionOffer:
      'I can guide counter-pressure through each contraction. When one starts, say: Alexa, contraction.',
    contractionStart:
      'Heel of your hand on the broad, flat bone at the base of her spine, your other hand on her hip. As the contraction builds, lean in steadily, as firmly as she asks, and breathe slowly with her.',
    contractionCues: [
      'Keep the pressure steady. She leads.',
      'Breathe out slowly with her.',
      'If she wants no touch, lift your hands away at once.',
    ],
    contractionRelease: 'As it fades, ease off slowly and let her rest. A sip of water helps.',
    contractionRest: 'Resting between contractions.',
    contractionNext: 'When the next one starts, say: Alexa, contraction.',
    contractionReprompt: 'Say contraction when the next one starts, or stop to finish.',
    labourHelp: `When a contraction starts, say: Alexa, contraction, and I'll guide counter-pressure through it. Call ${care.birthUnit} when they come about every five minutes, and at once if her waters break, she bleeds, the baby moves less, or you're worried.`,
    labourEaseOff: 'Ease off at once, or lift your hands away. She leads: press only as firmly as she asks.',
  }) as const satisfies SafetyLines;
