// The demo gallery: one example per kind of lure, in both languages, plus a quiet one.
export const EXAMPLES = [
  { lang: 'en', label: 'Fellow designer', mode: 'auto', text: 'Hi, fellow designer here! I have advanced data models from abroad, happy to share them for free.' },
  { lang: 'zh', label: '同行交友', mode: 'auto', text: '你好！我也是做结构设计的同行，交个朋友吧，我这里有国外的先进数据模型，免费分享给你。' },
  { lang: 'en', label: 'Data for money', mode: 'auto', text: 'I hit a bottleneck at work. Could you send me the internal project data? I can transfer 2000 yuan, internal data brings higher rewards. Keep this between us.' },
  { lang: 'zh', label: '索要内部资料', mode: 'auto', text: '我这边遇到瓶颈了，能不能把你们项目的内部资料和图纸发我参考一下？收到马上给你转2000元。这事别告诉别人，聊完把记录删了。' },
  { lang: 'en', label: 'Thread: approach → extract', mode: 'thread', text: 'Dark: Hi, fellow designer here! Let us be friends.\nAqiang: Sure, nice to meet you.\nDark: Science and technology has no borders, sharing data can change the world.\nDark: What project is your unit working on these days?\nDark: I hit a bottleneck. Could you send me the internal project data? I will transfer 2000 yuan.' },
  { lang: 'zh', label: '对话：从接近到索取', mode: 'thread', text: '暗影：你好，我也是做设计的同行，交个朋友吧。\n阿强：好啊。\n暗影：科学技术无国界，分享数据可以改变世界。\n暗影：你们单位最近在做什么项目？\n暗影：我遇到瓶颈了，把项目内部数据发我参考一下，我给你转两千块。' },
  { lang: 'zh', label: '冒充官方通知', mode: 'email', text: '发件人: 规划办公室 <notice.planning.office@163.com>\n主题: 关于2025年度规划的通知\n附件: 规划通知.pdf.exe\n\n各部门：请于今日内登录办公系统核对个人信息，逾期账号将被停用。登录地址：http://oa.gov.cn.login-verify.net/sso/login' },
  { lang: 'en', label: 'Official-looking phish', mode: 'email', text: 'From: IT Service Desk <it.helpdesk.notice@gmail.com>\nSubject: Mandatory planning directive — verify your account\nAttachments: directive.docx.scr\n\nAll staff must verify their mailbox today at https://secure-login.gov-cn.verify-account.com/login or the account will be suspended.' },
  { lang: 'en', label: 'Look-alike link', mode: 'url', text: 'http://secure-login.gov-cn.verify-account.com/upload' },
  { lang: 'en', label: 'Raw IP login', mode: 'url', text: 'http://192.0.2.44/login/verify.php' },
  { lang: 'zh', label: '外发涉密内容', mode: 'outgoing', text: '【机密】天河项目第三阶段结构参数，请查收附件。' },
  { lang: 'en', label: 'Outgoing: marked document', mode: 'outgoing', text: 'SECRET — attached are the Project Falcon test parameters you asked for.' },
  { lang: 'en', label: 'Quiet: lunch', mode: 'auto', text: 'Lunch on Friday? The noodle place near the station opens at 11:30.' },
  { lang: 'zh', label: '正常：例会通知', mode: 'auto', text: '下周二上午十点在三楼会议室开周例会，请提前准备进度汇报。' },
];
