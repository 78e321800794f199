/** Verbs and phrases of attribution, proposal and status. */

const forms = (s: string) => s.split(/\s+/).filter(Boolean);

/** Speech and attribution verbs, every inflection spelled out. */
export const SPEECH_VERBS = new Set(
  forms(`
  say says said saying tell tells told telling state states stated stating assert asserts asserted asserting add adds
  added adding note notes noted noting warn warns warned warning argue argues argued arguing insist insists insisted
  insisting explain explains explained explaining write writes wrote writing post posts posted posting declare
  declares declared declaring claim claims claimed claiming stress stresses stressed stressing emphasize emphasizes
  emphasized emphasizing emphasise emphasises emphasised emphasising acknowledge acknowledges acknowledged
  acknowledging promise promises promised promising vow vows vowed vowing announce announces announced announcing
  reply replies replied replying respond responds responded responding continue continues continued continuing remark
  remarks remarked remarking comment comments commented commenting observe observes observed observing suggest
  suggests suggested suggesting tweet tweets tweeted tweeting recall recalls recalled recalling describe describes
  described describing call calls called calling urge urges urged urging admit admits admitted admitting concede
  concedes conceded conceding predict predicts predicted predicting complain complains complained complaining ask
  asks asked asking answer answers answered answering confirm confirms confirmed confirming deny denies denied
  denying reiterate reiterates reiterated reiterating echo echoes echoed echoing affirm affirms affirmed affirming
  characterize characterizes characterized characterizing characterise characterises characterised characterising
  label labels labeled labelled labeling labelling dub dubs dubbed term termed brand branded branding clarify
  clarifies clarified clarifying highlight highlights highlighted highlighting maintain maintains maintained
  maintaining contend contends contended contending point pointed pointing quip quipped shout shouted yell yelled
  whisper whispered testify testified told report reported reporting indicate indicates indicated indicating express
  expressed expressing articulate articulated articulating reassure reassured reassuring caution cautioned cautioning
  accuse accused accusing praise praised praising applaud applauds applauded applauding
  criticize criticized criticise criticised insist added speak speaks
  spoke spoken speaking
  `),
);

/** Verbs by which someone names a thing in their own words ("called the deal a “breakthrough”"). */
export const NAMING_VERBS = new Set(
  forms(`
  call calls called calling describe describes described describing refer refers referred referring hail hails hailed
  hailing praise praises praised praising term terms termed label labels labeled labelled brand brands branded
  characterize characterized characterise characterised dismiss dismisses dismissed dismissing denounce denounces
  denounced denouncing condemn condemns condemned condemning decry decries decried slam slams slammed blast blasts
  blasted deride derides derided
  `),
);

/** Verbs by which someone puts a proposal forward. */
export const PROPOSE_VERBS = new Set(
  forms(`
  propose proposes proposed proposing offer offers offered offering present presents presented presenting unveil
  unveils unveiled unveiling draft drafts drafted drafting submit submits submitted submitting float floats floated
  floating table tabled put pushed push pushes pushing pitch pitched pitching broker brokered brokering draw drew
  drawn prepare prepared preparing develop developed developing craft crafted crafting announce announced working
  work worked works design designed sign signed
  `),
);

/** Status words that a proposal's modifiers or its sentence may carry. */
export const STATUS_WORDS = new Set(
  forms(`
  leaked draft proposed revised rejected accepted agreed flexible confirmed unconfirmed potential possible tentative
  preliminary signed approved final initial new amended updated modified stalled collapsed suspended expired extended
  planned scheduled postponed cancelled canceled so-called informal formal secret controversial disputed previous
  original earlier latest existing
  `),
);
